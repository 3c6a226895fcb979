// The pipeline from Rust text to coroutine layouts, for tests that run on real programs:
// parse → resolve → build MIR → elaborate drops → layout, without the CLI.
//
// `dropElabContext` is the DropElabContext (src/mir/elaborate.ts) implemented from resolve/'s Program.
// It lives here until the lead's driver has its own; it is the suggested implementation.

import { parse } from "../../src/syntax/index.js";
import { SourceFile } from "../../src/syntax/source.js";
import { resolveProgram, solverFor, stdStubsFile, substTy, type DefId, type Program, type Ty } from "../../src/resolve/index.js";
import { buildBodies } from "../../src/mir/build.js";
import type { Body } from "../../src/mir/types.js";
import { elaborateDrops, type DropElabContext } from "../../src/mir/elaborate.js";
import { computeLayout, type Layout } from "../../src/coroutine/layout.js";

export function dropElabContext(program: Program, fnDef: DefId | undefined): DropElabContext {
  const solver = solverFor(program, fnDef);
  const tcx = program.tcx;
  const adtFields = (def: DefId, args: readonly Ty[]): Ty[] => {
    const subst = tcx.substFor(tcx.genericsOf(def), args);
    return tcx.fieldsOf(def).map((f) => substTy(f.ty, subst));
  };
  return {
    needsDrop: (ty) => solver.needsDrop(ty),
    fieldTys(ty, variant) {
      if (ty.k === "adt") {
        const d = tcx.def(ty.def);
        if (d.kind === "struct") return adtFields(ty.def, ty.args);
        if (d.kind === "enum" && variant !== undefined) {
          const v = d.variants[variant];
          if (v === undefined) return undefined;
          const subst = tcx.substFor(tcx.genericsOf(ty.def), ty.args);
          return tcx.fieldsOf(v).map((f) => substTy(f.ty, subst));
        }
        return undefined;
      }
      if (ty.k === "closure") {
        const info = program.closures.get(ty.node);
        if (!info) return undefined;
        return info.captures.map((c) => {
          const t = program.locals[c.local]!.ty;
          return c.mode === "value" ? t : { k: "ref", mutable: c.mode === "refMut", inner: t };
        });
      }
      return undefined;
    },
    enumVariants(ty) {
      if (ty.k !== "adt") return undefined;
      const d = tcx.def(ty.def);
      return d.kind === "enum" ? d.variants.map((v) => tcx.def(v).name) : undefined;
    },
    hasDropImpl: (ty) => ty.k === "adt" && ty.def !== tcx.lang.Box && solver.hasDropImpl(ty.def),
    boxDef: tcx.lang.Box,
  };
}

export interface PipelineResult {
  readonly file: SourceFile;
  readonly program: Program;
  readonly bodies: Body[];
  readonly elaborated: Body[];
  readonly layouts: Layout[];
  readonly errors: string[];
}

/** Runs the pipeline; `errors` lists diagnostics of severity error and stages that threw. */
export function runPipeline(name: string, text: string): PipelineResult {
  const file = new SourceFile(name, text);
  const errors: string[] = [];
  const parsed = parse(file);
  const std = parse(stdStubsFile());
  const resolved = resolveProgram(file, parsed.value, std.value);
  for (const d of [...parsed.diagnostics, ...resolved.diagnostics])
    if (d.severity === "error") errors.push(`${d.code} ${file.location(d.span)} ${d.message}`);
  const program = resolved.value;
  const bodies = buildBodies(program);
  const elaborated: Body[] = [];
  const layouts: Layout[] = [];
  for (const b of bodies) {
    try {
      const e = elaborateDrops(b, dropElabContext(program, b.def));
      elaborated.push(e);
      if (b.kind === "asyncFn" || b.kind === "asyncBlock") layouts.push(computeLayout(e));
    } catch (err) {
      errors.push(`${b.name}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }
  return { file, program, bodies, elaborated, layouts, errors };
}
