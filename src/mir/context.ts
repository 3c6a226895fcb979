// What drop elaboration asks about types, answered from resolve/'s program and trait solver.

import type { Program } from "../resolve/program.js";
import type { Solver } from "../resolve/traits.js";
import { Ty, substTy } from "../resolve/ty.js";
import type { DropElabContext } from "./elaborate.js";

export function dropElabContext(program: Program, solver: Solver): DropElabContext {
  const tcx = program.tcx;
  return {
    needsDrop: (ty) => solver.needsDrop(ty),
    fieldTys: (ty, variant) => {
      if (ty.k === "closure") {
        const info = program.closures.get(ty.node);
        return info?.captures.map((c) => (c.mode === "value" ? c.ty : Ty.ref(c.ty, c.mode === "refMut")));
      }
      if (ty.k === "future" && ty.def === undefined) {
        const info = program.asyncBlocks.get(ty.node);
        return info?.captures.map((c) => (c.mode === "value" ? c.ty : Ty.ref(c.ty, c.mode === "refMut")));
      }
      if (ty.k !== "adt") return undefined;
      const d = tcx.def(ty.def);
      // Std structs like String and Vec are declared without their real fields: pinion does not look
      // inside them. Std enums (Option, Result, Poll) are declared with their variants.
      if (d.std && d.kind === "struct" && tcx.fieldsOf(ty.def).length === 0) return undefined;
      const s = tcx.substFor(tcx.genericsOf(ty.def), ty.args);
      if (d.kind === "struct") return tcx.fieldsOf(ty.def).map((f) => solver.normalize(substTy(f.ty, s)));
      if (d.kind === "enum" && variant !== undefined) {
        const v = d.variants[variant];
        return v === undefined ? undefined : tcx.fieldsOf(v).map((f) => solver.normalize(substTy(f.ty, s)));
      }
      return undefined;
    },
    enumVariants: (ty) => {
      if (ty.k !== "adt") return undefined;
      const d = tcx.def(ty.def);
      return d.kind === "enum" ? d.variants.map((v) => tcx.def(v).name) : undefined;
    },
    hasDropImpl: (ty) => ty.k === "adt" && solver.hasDropImpl(ty.def),
    boxDef: tcx.lang.Box,
  };
}
