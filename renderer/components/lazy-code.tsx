/**
 * Code loaded when first shown (a page, a session's views, a chart), without
 * suspending: React holds back the content a Suspense boundary reveals until
 * 300 ms after the last fallback was put on screen anywhere in the app (its
 * reveal "throttle"), so a view whose code and data were ready waited on a
 * timer for up to 300 ms, idle. In traces of the heatmap at 1,000 candidates
 * the rows, rendered, waited 100–210 ms on it after the views' Suspense
 * fallback (React.lazy suspends on its first render even when its code has
 * arrived), in some runs and not others: the benchmark's spread.
 *
 * Here the fallback is ordinary content, and the code's arrival a state
 * update, which React commits at once. A failed download is thrown while
 * rendering, to the nearest error boundary; mounting again tries again.
 * React's `lazy` is not used in the app (eslint.config.js says so).
 */
import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyCode<P extends object> {
  /** Starts the download (import() fetches a module once); settles when the code has arrived or failed. */
  preload: () => Promise<ComponentType<P>>;
  /** The component, once its code has arrived. */
  loaded: () => ComponentType<P> | undefined;
}

/** A component whose code `load` brings (a dynamic import), downloaded on first use or `preload`. */
export function lazyCode<P extends object>(load: () => Promise<ComponentType<P>>): LazyCode<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // the next use tries again
        throw error;
      },
    ));
  return { preload, loaded: () => loaded };
}

/**
 * The component once its code has arrived, else undefined (and its download is started); a failed download of
 * this mount's is thrown. The code may arrive between the render that chose the fallback and this effect: the
 * promise settles either way, and its state update renders the component.
 */
export function useLazyCode<P extends object>(code: LazyCode<P>): ComponentType<P> | undefined {
  const [failed, setFailed] = useState<{ code: LazyCode<P>; error: unknown } | null>(null);
  const [, setArrived] = useState<LazyCode<P> | null>(null);
  const component = code.loaded();
  useEffect(() => {
    if (component) return;
    let current = true;
    code.preload().then(
      () => current && setArrived(code),
      (error: unknown) => current && setFailed({ code, error }),
    );
    return () => {
      current = false;
    };
  }, [code, component]);
  if (!component && failed?.code === code) throw failed.error;
  return component;
}

/** `fallback` until the code has arrived, then the component with `props`. */
export function Lazy<P extends object>({ code, props, fallback = null }: { code: LazyCode<P>; props: P; fallback?: ReactNode }) {
  const Component = useLazyCode(code);
  return Component ? createElement(Component, props) : fallback;
}
