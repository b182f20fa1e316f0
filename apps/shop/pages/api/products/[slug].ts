import type { NextApiRequest, NextApiResponse } from 'next';
import { findProduct, type Product } from '../../../data/products';
import { servePublicly } from '../../../lib/public-api';

export default function handler(req: NextApiRequest, res: NextApiResponse<Product | { error: string }>) {
  servePublicly(res);
  const product = findProduct(String(req.query.slug));
  if (!product) {
    res.status(404).json({ error: `No product "${String(req.query.slug)}".` });
    return;
  }
  res.status(200).json(product);
}
