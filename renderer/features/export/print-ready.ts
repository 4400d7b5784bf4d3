/** Marking the print view ready: page rules and title set, charts laid out; and the browser's print dialog once ready. */
import { useEffect } from 'react';
import { applyPageRules, pageRules } from './page-style';

/** Marks the document ready for printing two frames after `ready` turns true (charts laid out). */
export function usePrintReady(ready: boolean, header: string, footer: string, title: string, candidates: readonly string[] = NONE) {
  useEffect(() => {
    if (!ready) return;
    document.title = title;
    const remove = applyPageRules(pageRules(header, footer, candidates));
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => document.documentElement.setAttribute('data-print-ready', 'true'));
    });
    return () => {
      cancelAnimationFrame(frame);
      remove();
      document.documentElement.removeAttribute('data-print-ready');
    };
  }, [ready, header, footer, title, candidates]);
}

const NONE: readonly string[] = [];
export function useAutoPrint(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const observer = new MutationObserver(() => {
      if (document.documentElement.getAttribute('data-print-ready') === 'true') {
        observer.disconnect();
        window.print();
      }
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-print-ready'] });
    return () => observer.disconnect();
  }, [enabled]);
}
