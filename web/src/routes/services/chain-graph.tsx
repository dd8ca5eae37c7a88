// The subcontracting chain as a layered graph: suppliers on the left, customers on the right,
// one arrow per supply link. A picture for sighted readers; the page lists the same links in a
// table, and each organisation in the picture is a link that focuses the chain on it.
import { type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { layoutChain } from './chain-layout.ts';
import type { ChainLink, ChainNode } from './services-api.ts';

const NODE_WIDTH = 210;
const NODE_HEIGHT = 46;
const COLUMN_GAP = 90;
const ROW_GAP = 18;
const PAD = 12;
const LINE_CHARS = 26;

/** A name on at most two lines of about LINE_CHARS characters, broken between words. */
export function wrapName(name: string, lineChars = LINE_CHARS): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= lineChars || current === '') current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const cut = (line: string) => `${line.slice(0, lineChars - 1).trimEnd()}…`;
  const shown = lines.slice(0, 2).map((line) => (line.length > lineChars ? cut(line) : line));
  if (lines.length > 2 && shown[1] && !shown[1].endsWith('…')) shown[1] = cut(`${shown[1]} `);
  return shown;
}

export interface ChainGraphProps {
  nodes: ChainNode[];
  links: ChainLink[];
  focusId: string;
  linkText: (link: ChainLink) => string;
}

export function ChainGraph({ nodes, links, focusId, linkText }: ChainGraphProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const layout = useMemo(() => layoutChain({ nodes, links }), [nodes, links]);
  const place = new Map(
    layout.nodes.map((n) => [
      n.id,
      { x: PAD + n.column * (NODE_WIDTH + COLUMN_GAP), y: PAD + 22 + n.row * (NODE_HEIGHT + ROW_GAP) },
    ]),
  );
  const width = PAD * 2 + layout.columns * NODE_WIDTH + Math.max(0, layout.columns - 1) * COLUMN_GAP;
  const height = PAD * 2 + 22 + layout.rows * NODE_HEIGHT + Math.max(0, layout.rows - 1) * ROW_GAP;
  const nameOf = new Map(nodes.map((n) => [n.id, n.name]));

  function go(event: MouseEvent, to: string) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to, { preventScrollReset: true });
  }

  return (
    <div className="chain-graph">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; role="group" names the set of organisation links */}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="group"
        aria-label={t('services.chain.graphLabel')}
      >
        <defs>
          <marker
            id="chain-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0 0L10 5L0 10Z" className="chain-graph__arrow" />
          </marker>
        </defs>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: plain text; the table below carries the same */}
        <g aria-hidden="true">
          {Array.from({ length: layout.columns }, (_, column) => (
            <text
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
              key={column}
              className="chain-graph__column"
              x={PAD + column * (NODE_WIDTH + COLUMN_GAP) + NODE_WIDTH / 2}
              y={PAD + 8}
              textAnchor="middle"
            >
              {column === 0
                ? t('services.chain.upstream')
                : column === layout.columns - 1
                  ? t('services.chain.downstream')
                  : ''}
            </text>
          ))}
          {links.map((link) => {
            const from = place.get(link.supplierId);
            const to = place.get(link.customerId);
            if (!from || !to) return null;
            const x1 = from.x + NODE_WIDTH;
            const y1 = from.y + NODE_HEIGHT / 2;
            const x2 = to.x;
            const y2 = to.y + NODE_HEIGHT / 2;
            // A back link (a cycle) bows around instead of crossing the boxes.
            const bend = Math.max(40, Math.abs(x2 - x1) / 2);
            const d =
              x2 > x1
                ? `M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2 - 2} ${y2}`
                : `M${x1} ${y1}C${x1 + 60} ${y1 - 60} ${x2 - 60} ${y2 - 60} ${x2 - 2} ${y2}`;
            const touches = focusId !== '' && (link.supplierId === focusId || link.customerId === focusId);
            return (
              <path
                key={link.id}
                d={d}
                className={touches ? 'chain-graph__link is-focus' : 'chain-graph__link'}
                markerEnd="url(#chain-arrow)"
              >
                <title>
                  {t('services.chain.linkTitle', {
                    supplier: nameOf.get(link.supplierId) ?? '',
                    customer: nameOf.get(link.customerId) ?? '',
                    what: linkText(link),
                  })}
                </title>
              </path>
            );
          })}
        </g>
        {nodes.map((node) => {
          const p = place.get(node.id);
          if (!p) return null;
          const href = `/services/chain?organisation=${encodeURIComponent(node.id)}`;
          return (
            <a
              key={node.id}
              href={href}
              className={node.id === focusId ? 'chain-graph__node is-focus' : 'chain-graph__node'}
              aria-label={t('services.chain.focusOn', { name: node.name })}
              onClick={(event) => go(event, href)}
            >
              <rect x={p.x} y={p.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} />
              <text x={p.x + NODE_WIDTH / 2} y={p.y + NODE_HEIGHT / 2} textAnchor="middle">
                {wrapName(node.name).map((line, index, lines) => (
                  <tspan
                    key={line}
                    x={p.x + NODE_WIDTH / 2}
                    dy={index === 0 ? (lines.length === 1 ? 5 : -3) : 16}
                  >
                    {line}
                  </tspan>
                ))}
              </text>
              <title>{node.name}</title>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
