// cdktf records where each token was created, for its error messages. Under jest every such stack
// goes through source-map formatting, which makes synthesizing 1,000 groups three times slower;
// no test reads those stacks.
jest.mock("cdktf/lib/tokens/private/stack-trace", () => ({ captureStackTrace: () => [] }));
