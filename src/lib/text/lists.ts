// Lists said in prose: "a", "a and b", "a, b and c".

export const listInWords = (xs: string[]): string =>
  xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
