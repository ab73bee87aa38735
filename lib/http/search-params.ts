/** A page's query parameter as one value: Next.js gives an array when the parameter repeats (the first counts). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
