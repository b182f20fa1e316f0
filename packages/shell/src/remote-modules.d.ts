// Types of the modules the demo apps expose to each other. A remote is built
// separately, so these are the contract between apps: keep them in step with
// the exposing component's props.
declare module 'home/nav' {
  const Nav: import('react').ComponentType;
  export default Nav;
}

declare module 'shop/product-card' {
  export interface ProductCardProps {
    product: { slug: string; name: string; price: number; summary: string };
  }
  const ProductCard: import('react').ComponentType<ProductCardProps>;
  export default ProductCard;
}

declare module 'checkout/add-to-cart' {
  export interface AddToCartProps {
    item: { slug: string; name: string; price: number };
  }
  const AddToCart: import('react').ComponentType<AddToCartProps>;
  export default AddToCart;
}

declare module 'checkout/cart-badge' {
  const CartBadge: import('react').ComponentType;
  export default CartBadge;
}

declare module 'shop/products-api' {
  import type { ProductCardProps } from 'shop/product-card';
  export type Product = ProductCardProps['product'] & { description: string };
  export function fetchProducts(): Promise<Product[]>;
  export function fetchProduct(slug: string): Promise<Product | null>;
}
