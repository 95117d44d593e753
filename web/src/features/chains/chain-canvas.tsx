import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainModel } from './chain-model.ts';
import { edgeColour, highlightColour } from './colours.ts';
import { nodeAt } from './layout.ts';

/** World pixels per layout unit: generations are wider apart than rows, so arrows read left→right. */
const DX = 48;
const DY = 20;
const CASE_RADIUS = 6;
const CONTACT_RADIUS = 3.5;
const MIN_SCALE = 0.02;
const MAX_SCALE = 8;

interface View {
  scale: number;
  /** Screen position (CSS px) of world (0, 0). */
  ox: number;
  oy: number;
}

function fitView(model: ChainModel, width: number, height: number): View {
  const w = Math.max(1, model.layout.width * DX);
  const h = Math.max(1, model.layout.height * DY);
  const pad = 40;
  const scale = Math.min(MAX_SCALE / 4, Math.max(MIN_SCALE, Math.min((width - 2 * pad) / w, (height - 2 * pad) / h)));
  return { scale, ox: (width - w * scale) / 2, oy: (height - h * scale) / 2 };
}

export interface ChainCanvasHandle {
  zoom(factor: number): void;
  fit(): void;
}

/**
 * The chain graph on a <canvas>: one path for all edges, one per colour for the nodes, only what is
 * on screen, redrawn in an animation frame. Drag pans, the wheel zooms around the pointer, hovering
 * names a node and a click opens its case. React state holds only the hovered node, so panning a
 * 10,000-node graph never re-renders the page.
 */
export function ChainCanvas(p: {
  model: ChainModel;
  colours: string[];
  onOpen(index: number): void;
  ref?: Ref<ChainCanvasHandle>;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const view = useRef<View>({ scale: 1, ox: 0, oy: 0 });
  const size = useRef({ width: 0, height: 0 });
  const frame = useRef(0);
  const hoverRef = useRef(-1);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const { model, colours } = p;

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const started = performance.now();
    const { width, height } = size.current;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { scale, ox, oy } = view.current;
    const { x, y } = model.layout;
    const sx = (i: number) => ox + x[i]! * DX * scale;
    const sy = (i: number) => oy + y[i]! * DY * scale;
    const margin = 20;
    const visible = (px: number, py: number) =>
      px > -margin && py > -margin && px < width + margin && py < height + margin;

    ctx.strokeStyle = edgeColour;
    ctx.lineWidth = Math.max(0.5, Math.min(2, scale));
    ctx.beginPath();
    for (const [a, b] of model.edges) {
      const ax = sx(a),
        ay = sy(a),
        bx = sx(b),
        by = sy(b);
      if (!visible(ax, ay) && !visible(bx, by)) continue;
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
    }
    ctx.stroke();

    // Nodes grouped by colour: one fill per colour instead of one per node.
    const byColour = new Map<string, number[]>();
    for (let i = 0; i < colours.length; i++) {
      if (!visible(sx(i), sy(i))) continue;
      const c = colours[i]!;
      let list = byColour.get(c);
      if (!list) byColour.set(c, (list = []));
      list.push(i);
    }
    for (const [c, list] of byColour) {
      ctx.fillStyle = c;
      ctx.beginPath();
      for (const i of list) {
        const r = Math.max(1.5, (model.kind[i] === 'contact' ? CONTACT_RADIUS : CASE_RADIUS) * Math.min(scale, 2));
        ctx.moveTo(sx(i) + r, sy(i));
        ctx.arc(sx(i), sy(i), r, 0, Math.PI * 2);
      }
      ctx.fill();
    }
    // Labels once rows are far enough apart to read them.
    if (DY * scale >= 14) {
      ctx.font = '11px system-ui, sans-serif';
      ctx.textBaseline = 'bottom';
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#fff';
      ctx.fillStyle = '#1f2937';
      // Above and right of the dot, with a white halo, so an edge running through stays readable.
      for (const list of byColour.values()) {
        for (const i of list) {
          const r = (model.kind[i] === 'contact' ? CONTACT_RADIUS : CASE_RADIUS) * Math.min(scale, 2);
          ctx.strokeText(model.labels[i]!, sx(i) + r * 0.7, sy(i) - r * 0.7);
          ctx.fillText(model.labels[i]!, sx(i) + r * 0.7, sy(i) - r * 0.7);
        }
      }
    }
    const h = hoverRef.current;
    if (h >= 0) {
      ctx.strokeStyle = highlightColour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(sx(h), sy(h), Math.max(4, CASE_RADIUS * Math.min(scale, 2)) + 3, 0, Math.PI * 2);
      ctx.stroke();
    }
    // How long the last frame took, for diagnostics and the end-to-end test's record.
    canvas.dataset.drawMs = (performance.now() - started).toFixed(1);
  }, [model, colours]);

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  const zoomAt = useCallback(
    (factor: number, cx: number, cy: number) => {
      const v = view.current;
      const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.scale * factor));
      const k = scale / v.scale;
      view.current = { scale, ox: cx - (cx - v.ox) * k, oy: cy - (cy - v.oy) * k };
      schedule();
    },
    [schedule],
  );

  // The canvas's backing store follows its CSS size (and the screen's pixel ratio). Re-run when the
  // drawing changes (a new colouring), which only redraws: the view is kept.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const resize = () => {
      const rect = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      size.current = { width: rect.width, height: rect.height };
      canvas.width = Math.round(rect.width * dpr);
      canvas.height = Math.round(rect.height * dpr);
      schedule();
    };
    resize();
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);
    return () => {
      ro.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [schedule]);

  // A new graph is fitted to the canvas (declared after the size effect, which runs first). Only a
  // new model refits: the latest `schedule` is read through a ref, so recolouring keeps the view.
  const scheduleRef = useRef(schedule);
  scheduleRef.current = schedule;
  useEffect(() => {
    view.current = fitView(model, size.current.width, size.current.height);
    hoverRef.current = -1;
    setHover(null);
    scheduleRef.current();
  }, [model]);

  useImperativeHandle(
    p.ref,
    () => ({
      zoom: (f) => zoomAt(f, size.current.width / 2, size.current.height / 2),
      fit: () => {
        view.current = fitView(model, size.current.width, size.current.height);
        schedule();
      },
    }),
    [model, zoomAt, schedule],
  );

  // The wheel needs a non-passive listener to keep the page from scrolling while zooming.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const drag = useRef<{ x: number; y: number; moved: number } | null>(null);
  const pick = (clientX: number, clientY: number) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const v = view.current;
    const wx = (clientX - rect.left - v.ox) / v.scale / DX;
    const wy = (clientY - rect.top - v.oy) / v.scale / DY;
    // About 10 screen pixels around the pointer, whatever the zoom.
    const index = nodeAt(model.layout, wx, wy, 10 / (v.scale * DY), DX / DY);
    return { index, x: clientX - rect.left, y: clientY - rect.top };
  };

  return (
    <div className="chain-canvas-wrap">
      <canvas
        ref={canvasRef}
        className="chain-canvas"
        data-testid="chain-canvas"
        data-node-count={model.labels.length}
        data-edge-count={model.edges.length}
        role="img"
        tabIndex={0}
        aria-label={t('chains.canvasLabel', { nodes: model.labels.length, edges: model.edges.length })}
        onKeyDown={(e) => {
          // The keyboard pans (arrows) and zooms (+, −, 0 to fit) like the pointer does.
          const step = 60;
          const pan: Record<string, [number, number]> = {
            ArrowLeft: [step, 0],
            ArrowRight: [-step, 0],
            ArrowUp: [0, step],
            ArrowDown: [0, -step],
          };
          const move = pan[e.key];
          if (move) view.current = { ...view.current, ox: view.current.ox + move[0], oy: view.current.oy + move[1] };
          else if (e.key === '+' || e.key === '=') zoomAt(1.4, size.current.width / 2, size.current.height / 2);
          else if (e.key === '-') zoomAt(1 / 1.4, size.current.width / 2, size.current.height / 2);
          else if (e.key === '0') view.current = fitView(model, size.current.width, size.current.height);
          else return;
          e.preventDefault();
          schedule();
        }}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, y: e.clientY, moved: 0 };
          hoverRef.current = -1;
          setHover(null);
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) {
            const dx = e.clientX - d.x;
            const dy = e.clientY - d.y;
            d.moved += Math.abs(dx) + Math.abs(dy);
            d.x = e.clientX;
            d.y = e.clientY;
            view.current = { ...view.current, ox: view.current.ox + dx, oy: view.current.oy + dy };
            schedule();
            return;
          }
          const hit = pick(e.clientX, e.clientY);
          if (hit.index !== hoverRef.current) {
            hoverRef.current = hit.index;
            setHover(hit.index >= 0 ? hit : null);
            schedule();
          }
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && d.moved < 5) {
            const hit = pick(e.clientX, e.clientY);
            if (hit.index >= 0) p.onOpen(hit.index);
          }
        }}
        onPointerLeave={() => {
          hoverRef.current = -1;
          setHover(null);
          schedule();
        }}
      />
      {hover && (
        <div
          className="chain-tooltip"
          style={{ left: hover.x + 12, top: hover.y + 12 }}
          data-testid="chain-tooltip"
          role="status"
        >
          <strong>{model.labels[hover.index]}</strong>
          {model.kind[hover.index] === 'contact' && (
            <span> · {t('chains.kindContact', { level: model.level[hover.index] })}</span>
          )}
        </div>
      )}
    </div>
  );
}
