import { describe } from 'vitest';
import { catalogueChecks } from './catalogue-checks.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

describe('message catalogues', () => {
  catalogueChecks(vi, en);
});
