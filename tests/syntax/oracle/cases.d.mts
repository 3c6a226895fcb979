export declare const FORMAT_PRELUDE: string[];
export declare const FORMAT_CASES: string[];
export declare const STRINGIFY_CASES: string[];
export declare const DIAGNOSTIC_CASES: { name: string; code: string; src: string }[];
