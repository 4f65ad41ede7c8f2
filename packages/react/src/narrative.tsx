import type { Block } from '@nianbao/model';
import type { ReactElement } from 'react';

/** Props of `<Narrative>`. */
export interface NarrativeProps {
  /** The blocks of one narrative part. */
  blocks: readonly Block[];
  /** The HTML heading level of a level-2 block (（一）…); deeper levels follow. @default 3 */
  baseLevel?: 2 | 3 | 4;
}

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * Narrative blocks as headings and paragraphs. Text goes through React's escaping only: report text is never
 * parsed as HTML, so `<script>` in a report shows as text.
 */
export function Narrative({ blocks, baseLevel = 3 }: NarrativeProps): ReactElement {
  return (
    <>
      {blocks.map((block, index) => {
        if (block.type === 'heading') {
          const Tag = `h${Math.min(6, baseLevel + block.level - 2)}` as HeadingTag;
          return (
            <Tag key={index} className={`nb-heading nb-heading--${block.level}`}>
              {block.text}
            </Tag>
          );
        }
        return (
          <p key={index} className="nb-paragraph">
            {block.lead ? <strong className="nb-lead">{block.lead}</strong> : null}
            {block.text}
          </p>
        );
      })}
    </>
  );
}
