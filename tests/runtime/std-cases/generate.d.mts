export declare const PRELUDE_TYPES: string;
export declare const RECORD_END: string;
export declare const FLOAT_FORMATS: string;
export declare function fmtProgram(): string;
export declare function opsProgram(): string;
export declare function floatProgram(): string;
export declare function f64Samples(): bigint[];
export declare function f32Samples(): number[];
