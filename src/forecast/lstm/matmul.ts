/**
 * Matrix products on the wasm backend without its slow transposed path. tfjs-backend-wasm
 * multiplies untransposed matrices with XNNPACK but falls back to a plain loop when either side
 * is transposed — 6–9× slower at our sizes (128 × 192 by 192 × 48: 1.6 ms against 0.25 ms), and
 * backpropagation asks for a transposed product for every forward one. The wasm `BatchMatMul`
 * kernel is wrapped so that a transposed side is transposed first (a copy) and the product runs
 * untransposed. Each product is computed in a fixed order, so training stays reproducible.
 * @module
 */

import type * as TF from "@tensorflow/tfjs";

/** A kernel's arguments, as tfjs passes them. */
type KernelArgs = Parameters<TF.KernelFunc>[0];
/** A tensor as kernels see it. */
type Info = TF.TensorInfo;
/** What of the backend this module uses. */
type Backend = KernelArgs["backend"] & { disposeData(dataId: object): void };

let wrapped = false;

/** Wraps the wasm backend's `BatchMatMul` (once; after the wasm backend is registered). */
export function untransposedMatMul(tf: typeof TF): void {
  if (wrapped) return;
  const original = tf.getKernel("BatchMatMul", "wasm");
  const transpose = tf.getKernel("Transpose", "wasm");
  if (!original || !transpose) return;
  wrapped = true;
  const swapped = (x: Info, backend: KernelArgs["backend"]): Info => {
    const perm = x.shape.map((_, i) => i);
    const rank = perm.length;
    [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
    return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as Info;
  };
  tf.unregisterKernel("BatchMatMul", "wasm");
  tf.registerKernel({
    // The setup binds the wasm function, and runs again whenever the backend is initialised.
    ...original,
    kernelFunc: (args: KernelArgs) => {
      const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
      const { a, b } = args.inputs as { a: Info; b: Info };
      // Untransposed, or shapes that do not fit: the kernel as it was (and its own error).
      if ((!transposeA && !transposeB) || inner(a, !transposeA) !== inner(b, transposeB)) {
        return original.kernelFunc(args);
      }
      const backend = args.backend as Backend;
      const left = transposeA ? swapped(a, backend) : a;
      const right = transposeB ? swapped(b, backend) : b;
      try {
        return original.kernelFunc({
          inputs: { a: left, b: right },
          backend,
          attrs: { ...args.attrs, transposeA: false, transposeB: false },
        });
      } finally {
        if (transposeA) backend.disposeData(left.dataId);
        if (transposeB) backend.disposeData(right.dataId);
      }
    },
  });
}

/** A side's inner dimension: its last (`last`) or its second-to-last. */
function inner(side: Info, last: boolean): number {
  return side.shape[side.shape.length - (last ? 1 : 2)];
}
