// After a syntax error, only the syntax errors: the holes error recovery leaves (`f(;`, `x + ;`) are
// not reported again as unknown names or uninferable types, and the pinning checker does not run on
// the cut-up code — rustc too stops at such errors.
import { describe, expect, it } from "vitest";
import { checkFile } from "../../src/check/index.js";
import { Session } from "../../src/pipeline.js";

const session = new Session();
const codes = (text: string) => checkFile(session, "broken.rs", text, {}).diagnostics.map((d) => d.code);

describe("after a syntax error", () => {
  it("reports the syntax errors only", () => {
    expect(codes("async fn f() -> u32 { 1 }\nfn main() {\n    let x = f(;\n    let y = x + ;\n    println!(\"{}\", y);\n}\n")).toEqual(["P0002"]);
  });

  it("still names a construct outside the subset", () => {
    const c = codes("union U { a: u32 }\nfn main() {\n    let y = 1 + ;\n}\n");
    expect(c).toContain("P0002");
    expect(c).toContain("P0003");
  });

  it("reports type errors as usual when the syntax is fine", () => {
    expect(codes("fn main() {\n    let y: u32 = \"no\";\n}\n")).toEqual(["P0006"]);
  });
});
