import { EventEmitter } from "events";
import { exitQuietlyOnClosedPipe } from "../../tools/cli";

const pipeError = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe("a CLI whose reader closes the pipe (npm run stack-order | head -1)", () => {
  let exit: jest.SpyInstance;
  const exitCode = process.exitCode;
  beforeEach(() => {
    exit = jest.spyOn(process, "exit").mockImplementation((() => undefined) as never);
  });
  afterEach(() => {
    exit.mockRestore();
    process.exitCode = exitCode;
  });

  test("ends quietly with the exit code so far, no stack trace", () => {
    const stdout = new EventEmitter();
    exitQuietlyOnClosedPipe(stdout as unknown as NodeJS.WritableStream);
    process.exitCode = 3;
    stdout.emit("error", pipeError("EPIPE"));
    expect(exit).toHaveBeenCalledWith(3);
  });

  test("still fails loudly on any other write error", () => {
    const stdout = new EventEmitter();
    exitQuietlyOnClosedPipe(stdout as unknown as NodeJS.WritableStream);
    expect(() => stdout.emit("error", pipeError("ENOSPC"))).toThrow("write ENOSPC");
    expect(exit).not.toHaveBeenCalled();
  });
});
