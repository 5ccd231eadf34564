import { type DemoCategory } from './types.js';

export const demoCategories: DemoCategory[] = [
  {
    slug: 'postgresql',
    name: 'PostgreSQL',
    description:
      'Replication, indexes, full-text search and the everyday care of a PostgreSQL database.',
  },
  {
    slug: 'python',
    name: 'Python',
    description:
      'asyncio, packaging and the small tools that make Python projects pleasant to maintain.',
  },
  {
    slug: 'django',
    name: 'Django',
    description: 'Caching, the ORM and safe rendering in Django projects of every size.',
  },
  {
    slug: 'javascript',
    name: 'JavaScript',
    description: 'The event loop, React rendering, realtime transports and TypeScript in practice.',
  },
  {
    slug: 'rust',
    name: 'Rust',
    description: 'Ownership, borrowing, async with tokio and error handling, learned the slow way.',
  },
  {
    slug: 'devops',
    name: 'DevOps',
    description:
      'Containers, Kubernetes, CI pipelines, reverse proxies and the servers behind a site.',
  },
  {
    slug: 'web-performance',
    name: 'Web performance',
    description: 'Core Web Vitals, fonts, images and caching: making pages fast for real readers.',
  },
  {
    slug: 'testing',
    name: 'Testing',
    description: 'pytest fixtures, property-based tests, flaky tests and hunting regressions.',
  },
  {
    slug: 'browsers',
    name: 'Firefox & browsers',
    description:
      'Firefox developer tools, profiling and the browser platform features worth knowing.',
  },
  {
    slug: 'search',
    name: 'Search',
    description:
      'Full-text search, fuzzy matching and typo tolerance, in PostgreSQL and Elasticsearch.',
  },
];
