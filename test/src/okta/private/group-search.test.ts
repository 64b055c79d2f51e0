import {
  encodedQueryLength,
  groupSearchExpression,
  MAX_ENCODED_SEARCH_LENGTH,
  searchBatches,
} from "../../../../src/okta/private/group-search";

const names = (n: number, width = 20) => Array.from({ length: n }, (_, i) => `g${String(i).padStart(width - 1, "0")}`);

describe("group searches", () => {
  test("match each name exactly", () => {
    expect(groupSearchExpression(["Engineering", 'Say "hi"'])).toBe(
      'profile.name eq "Engineering" or profile.name eq "Say \\"hi\\""',
    );
  });

  test("measure the expression as Go's url.QueryEscape sends it", () => {
    expect(encodedQueryLength("a b-_.~")).toBe(7);
    expect(encodedQueryLength('"')).toBe(3);
    expect(encodedQueryLength("é")).toBe(6);
  });

  test("take up to 200 short names each: 1,000 groups are 5 searches", () => {
    const batches = searchBatches(names(1000, 10));
    expect(batches.map((b) => b.length)).toEqual([200, 200, 200, 200, 200]);
  });

  test("end before the encoded expression passes the URL budget, keeping every name in order", () => {
    const all = names(1000, 60);
    const batches = searchBatches(all);
    expect(batches.length).toBeGreaterThan(5);
    for (const b of batches)
      expect(encodedQueryLength(groupSearchExpression(b))).toBeLessThanOrEqual(MAX_ENCODED_SEARCH_LENGTH);
    expect(batches.flat()).toEqual(all);
  });

  test("honour a smaller batch size and never return empty searches", () => {
    expect(searchBatches(names(5), 2).map((b) => b.length)).toEqual([2, 2, 1]);
    expect(searchBatches([])).toEqual([]);
  });
});
