import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const policies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/policies' }),
  schema: z.object({ title: z.string() }),
});
export const collections = { policies };
