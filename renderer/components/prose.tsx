/** Prose written in Markdown shown as text blocks (shared/util/prose.ts): headings, lists, paragraphs; never as HTML. */
import { proseBlocks } from '../../shared/util/prose';

export function Prose({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {proseBlocks(text).map((block, i) =>
        block.kind === 'heading' ? (
          <p key={i} className="prose-heading">
            {block.text}
          </p>
        ) : block.kind === 'list' ? (
          <ul key={i}>
            {block.items.map((item, k) => (
              <li key={k}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{block.text}</p>
        ),
      )}
    </div>
  );
}
