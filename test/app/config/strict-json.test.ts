import { decodeUtf8, JSON_LIMITS, parseStrictJson } from "../../../app/config/strict-json";

const problem = (text: string) => {
  try {
    parseStrictJson(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a problem");
};

describe("parseStrictJson", () => {
  test("reads what JSON.parse reads", () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\"", {}], "__proto__": {"b": 1}}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parseStrictJson('{"__proto__": {"polluted": 1}}'))).toBe(Object.prototype);
  });

  test("a duplicate key is an error naming the key and both lines", () => {
    expect(
      problem('{\n  "accessLogin": {\n    "preventDestroy": true,\n    "x": 1,\n    "preventDestroy": false\n  }\n}'),
    ).toBe(
      'Duplicate key "preventDestroy" in accessLogin, on lines 3 and 5. JSON readers silently keep only the last one: remove one.',
    );
    expect(problem('{"name": "a",\n"name": "b"}')).toMatch(
      /^Duplicate key "name" at the top level, on lines 1 and 2\./,
    );
    expect(problem('{"name": "a", "name": "b"}')).toMatch(/^Duplicate key "name" at the top level, twice on line 1\./);
  });

  test("points at the line and column, and names the usual cause", () => {
    expect(problem('{\n  "a": 1,\n}')).toBe(
      "Trailing comma at line 3, column 1. Remove the trailing comma: JSON allows none.",
    );
    expect(problem("// acme\n{}")).toBe("Comment at line 1, column 1. Remove the comment: JSON allows none.");
    expect(problem('{\n  /* note */ "a": 1\n}')).toMatch(/^Comment at line 2, column 3\./);
    expect(problem("{'a': 1}")).toMatch(/Use double quotes/);
    expect(problem('{"a": [1, 2')).toMatch(/The file ends early: close every \{ and \[\.$/);
    expect(problem('{"a" 1}')).toBe("Expected ':' after property name at line 1, column 6. Fix the syntax there.");
    expect(problem('{"a": 1} x')).toMatch(/^Unexpected text after the end/);
  });

  test("nesting, string length and list length have limits, each with its own message", () => {
    expect(problem("[".repeat(10_000) + "]".repeat(10_000))).toMatch(
      new RegExp(`^Nesting deeper than ${JSON_LIMITS.depth} levels at line 1`),
    );
    expect(problem(JSON.stringify({ label: "x".repeat(JSON_LIMITS.stringLength + 1) }))).toMatch(
      /^A string in label is longer than 2048 characters/,
    );
    expect(parseStrictJson(JSON.stringify({ label: "x".repeat(JSON_LIMITS.stringLength) }))).toBeDefined();
    expect(problem(JSON.stringify({ groups: Array.from({ length: JSON_LIMITS.listLength + 1 }, () => 1) }))).toMatch(
      /^More than 5000 items in groups/,
    );
    const keys = Object.fromEntries(Array.from({ length: JSON_LIMITS.listLength + 1 }, (_, i) => [`k${i}`, 1]));
    expect(problem(JSON.stringify(keys))).toMatch(/^More than 5000 keys in \(root\)/);
  });
});

describe("decodeUtf8", () => {
  test("invalid UTF-8 is an error with its byte offset, instead of a silent U+FFFD", () => {
    expect(() => decodeUtf8(Buffer.from([0x7b, 0x22, 0xc3, 0xa9, 0xff, 0x22]))).toThrow(
      "is not valid UTF-8 at byte offset 4: save the file as UTF-8.",
    );
    expect(() => decodeUtf8(Buffer.from([0x22, 0xe2, 0x82]))).toThrow("at byte offset 1");
    expect(decodeUtf8(Buffer.from('"é"', "utf8"))).toBe('"é"');
  });

  test("a file over the size limit is refused before it is read as text", () => {
    expect(() => decodeUtf8(new Uint8Array(JSON_LIMITS.fileBytes + 1))).toThrow(
      /is 1048577 bytes, over the limit of 1048576/,
    );
  });
});
