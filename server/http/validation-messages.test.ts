import { describe, expect, it } from 'vitest';
import { localiseIssues } from './validation-messages.ts';

const unknownKeys = (instancePath: string, keys: string[]) => ({
  keyword: 'unrecognized_keys',
  instancePath,
  message: `Unrecognized keys: ${keys.join(', ')}`,
  params: { keys },
});

describe('validation messages', () => {
  it('names each unknown query parameter, in the caller language', () => {
    expect(localiseIssues([unknownKeys('/', ['localty', 'pg'])], 'querystring', 'vi')).toEqual([
      { path: 'localty', message: 'Tham số không được hỗ trợ: localty' },
      { path: 'pg', message: 'Tham số không được hỗ trợ: pg' },
    ]);
    expect(localiseIssues([unknownKeys('/', ['localty'])], 'querystring', 'en')).toEqual([
      { path: 'localty', message: 'Unknown parameter: localty' },
    ]);
  });

  it('names an unknown body field by its full path', () => {
    expect(localiseIssues([unknownKeys('/capacity', ['beds'])], 'body', 'en')).toEqual([
      { path: 'capacity.beds', message: 'Unknown field: capacity.beds' },
    ]);
  });

  it('splits our own bilingual messages', () => {
    const issue = { keyword: 'custom', instancePath: '/code', message: 'Mã sai / Wrong code', params: {} };
    expect(localiseIssues([issue], 'body', 'en')).toEqual([{ path: 'code', message: 'Wrong code' }]);
  });
});
