import { useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';

const MIN = 0.25;
const MAX = 6;
const clamp = (value: number) => Math.min(MAX, Math.max(MIN, value));

/**
 * A scan with zoom (buttons, + / − keys, Ctrl+wheel) and pan (drag, or arrow keys when focused), so a reviewer
 * can read the small print of an MRZ beside the fields.
 */
export function ImageViewer({ src, alt }: { src: string; alt: string }) {
  const [zoom, setZoom] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; from: { x: number; y: number } } | null>(null);
  const reset = () => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };
  const onKey = (event: KeyboardEvent) => {
    const step = 40;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (event.key === '+' || event.key === '=') setZoom((z) => clamp(z * 1.25));
    else if (event.key === '-') setZoom((z) => clamp(z / 1.25));
    else if (event.key === '0') reset();
    else if (moves[event.key]) setOffset((o) => ({ x: o.x + moves[event.key]![0], y: o.y + moves[event.key]![1] }));
    else return;
    event.preventDefault();
  };
  return (
    <div className="viewer">
      <div className="viewer-tools" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => setZoom((z) => clamp(z / 1.25))} aria-label="Zoom out">
          −
        </button>
        <span className="muted" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
        <button type="button" onClick={() => setZoom((z) => clamp(z * 1.25))} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={reset}>
          Fit
        </button>
      </div>
      <div
        className="viewer-stage"
        tabIndex={0}
        aria-label={`${alt}: + and − zoom, arrow keys pan, 0 fits`}
        onKeyDown={onKey}
        onWheel={(event: WheelEvent) => {
          if (!event.ctrlKey) return;
          event.preventDefault();
          setZoom((z) => clamp(z * (event.deltaY < 0 ? 1.1 : 1 / 1.1)));
        }}
        onPointerDown={(event: PointerEvent) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { x: event.clientX, y: event.clientY, from: offset };
        }}
        onPointerMove={(event: PointerEvent) => {
          const start = drag.current;
          if (start) setOffset({ x: start.from.x + event.clientX - start.x, y: start.from.y + event.clientY - start.y });
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <img src={src} alt={alt} draggable={false} style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})` }} />
      </div>
    </div>
  );
}
