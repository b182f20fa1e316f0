import type { NextApiRequest, NextApiResponse } from 'next';
import { products, type Product } from '../../../data/products';
import { allowAnyOrigin } from '../../../lib/cors';

export default function handler(_req: NextApiRequest, res: NextApiResponse<Product[]>) {
  allowAnyOrigin(res);
  res.status(200).json(products);
}
