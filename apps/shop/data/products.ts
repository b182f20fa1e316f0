/** The catalogue. A real shop would read a database; read by the API routes and, on shop's server, by its API client. */
export interface Product {
  slug: string;
  name: string;
  /** Price in cents. */
  price: number;
  summary: string;
  description: string;
}

export const products: Product[] = [
  {
    slug: 'enamel-mug',
    name: 'Enamel Mug',
    price: 1800,
    summary: 'A camp mug that survives the dishwasher.',
    description: 'Steel body, glossy enamel, 350 ml. Stacks with its siblings and shrugs off the odd drop.',
  },
  {
    slug: 'canvas-tote',
    name: 'Canvas Tote',
    price: 2400,
    summary: 'Heavy canvas, long straps, inside pocket.',
    description: '12 oz cotton canvas with reinforced handles. Carries a week of groceries or a laptop and a lunch.',
  },
  {
    slug: 'desk-lamp',
    name: 'Desk Lamp',
    price: 5900,
    summary: 'Warm, dimmable light on a weighted base.',
    description: 'A jointed arm, a linen shade and a dimmer that goes all the way down to candle light.',
  },
  {
    slug: 'wool-socks',
    name: 'Wool Socks',
    price: 1500,
    summary: 'Merino socks for cold floors.',
    description: 'Soft merino blend with a reinforced heel. Machine washable, warm when damp.',
  },
];

export function findProduct(slug: string): Product | undefined {
  return products.find((product) => product.slug === slug);
}
