// An init script that watches a page's drawing from outside, the same way for the calculator and
// for the bare ImGui page: a "drawn frame" is one task in which the page issued at least one WebGL
// draw or clear call. It does not rely on the page's own stats(), so it can check them.
//
// window.__frameProbe:
//   drawnFrames        frames in which WebGL drew anything
//   drawCalls          WebGL draw/clear calls in all
//   firstFrameDrawnAt  performance.now() at the end of the first drawn frame (null before)
//   rafCallbacks       requestAnimationFrame callbacks run
//   frameCpuMs         for each drawn frame run from requestAnimationFrame, the time spent inside the
//                      callback (page-side performance.now(), JavaScript + WebAssembly, main thread)

export function frameProbeScript() {
  const probe = {
    drawnFrames: 0,
    drawCalls: 0,
    firstFrameDrawnAt: null,
    rafCallbacks: 0,
    frameCpuMs: [],
  };
  Object.defineProperty(window, '__frameProbe', { value: probe, enumerable: false });

  let inFrame = false;
  const noteDraw = () => {
    probe.drawCalls++;
    if (inFrame) return;
    inFrame = true;
    probe.drawnFrames++;
    // Runs once the task (e.g. the animation-frame callback) that drew has finished.
    queueMicrotask(() => {
      inFrame = false;
      if (probe.firstFrameDrawnAt === null) probe.firstFrameDrawnAt = performance.now();
    });
  };
  for (const name of ['WebGLRenderingContext', 'WebGL2RenderingContext']) {
    const proto = window[name] && window[name].prototype;
    if (!proto) continue;
    for (const method of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements', 'clear']) {
      const original = proto[method];
      if (typeof original !== 'function') continue;
      proto[method] = function (...args) {
        noteDraw();
        return original.apply(this, args);
      };
    }
  }

  const originalRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = function (callback) {
    return originalRaf((timestamp) => {
      const drawnBefore = probe.drawnFrames;
      const start = performance.now();
      try {
        return callback(timestamp);
      } finally {
        probe.rafCallbacks++;
        if (probe.drawnFrames > drawnBefore) probe.frameCpuMs.push(performance.now() - start);
      }
    });
  };
}
