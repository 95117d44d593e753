/** Where this instance stands in a country of provinces (absent: a province alone, the default). */
export type FederationConfig =
  | { role: 'province'; provinceCode: string; hubUrl: string }
  | { role: 'hub'; provinces: { code: string; url: string }[] };

/**
 * `01=postgres://…,79=postgres://…` → the hub's provinces, or what is wrong with the text (a
 * malformed entry, a code given twice). Pure: config.ts reads the variable and raises the error.
 */
export function parseFederationProvinces(text: string): { code: string; url: string }[] | string {
  const provinces: { code: string; url: string }[] = [];
  for (const entry of text.split(',').map((x) => x.trim())) {
    if (!entry) continue;
    const at = entry.indexOf('=');
    const code = entry.slice(0, at).trim();
    const url = entry.slice(at + 1).trim();
    if (at < 0 || !/^\d{2}$/.test(code) || !url) {
      return `"${entry}" is not code=connection string (e.g. 01=postgres://hn.example/phongdich).`;
    }
    if (provinces.some((p) => p.code === code)) return `province ${code} is given twice.`;
    provinces.push({ code, url });
  }
  return provinces;
}
