import type { NextApiRequest, NextApiResponse } from 'next';
import { products, type Product } from '../../../data/products';
import { servePublicly } from '../../../lib/public-api';

export default function handler(_req: NextApiRequest, res: NextApiResponse<Product[]>) {
  servePublicly(res);
  res.status(200).json(products);
}
