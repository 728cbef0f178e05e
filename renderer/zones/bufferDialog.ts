import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { bufferGeometry } from '../../shared/geo/analysis/bufferGeometry';
import { el } from '../ui/dom';
import { openModal } from '../ui/modal';

export interface BufferSide {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface BufferRequest {
  /** What is buffered, for the title and the new zone's name ("the Kosovo–Serbia boundary"). */
  subject: string;
  geometry: Geometry;
  /** Countries whose side of a border the buffer can be clipped to. */
  sides: BufferSide[];
  /** Called with the buffered shape; the caller opens the zone form with it. */
  done(result: { geometry: Polygon | MultiPolygon; km: number; side: BufferSide | null }): void;
}

/**
 * Asks for a buffer distance and, optionally, the side of a border to keep (the 5 km Ground
 * Safety Zone of 1999 was the band on Serbia's side of the boundary), then builds the buffer.
 */
export function showBufferDialog(request: BufferRequest): void {
  const modal = openModal(`Buffer around ${request.subject}`);
  const km = el('input', { type: 'number', class: 'fl-input', id: 'fl-buffer-km', min: 0.01, max: 500, step: 'any', value: '5' });
  const side = el('select', { class: 'fl-input', id: 'fl-buffer-side' },
    el('option', { value: '', text: 'Both sides (no clipping)' }),
    ...[...request.sides].sort((a, b) => a.name.localeCompare(b.name)).map((s) => el('option', { value: s.id, text: `Only the part in ${s.name}` })));
  const problem = el('p', { class: 'fl-field-error', role: 'alert' });
  const ok = el('button', { type: 'submit', class: 'fl-btn fl-btn-primary', text: 'Make zone…' });
  const form = el(
    'form',
    { class: 'fl-dialog-form', novalidate: true },
    el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: 'Distance (km)' }), km),
    el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: 'Side of the border' }), side),
    problem,
    el('footer', { class: 'fl-form-footer' }, el('span', { class: 'fl-spacer' }), el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() }), ok),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const distance = Number(km.value);
    const chosen = request.sides.find((s) => s.id === side.value) ?? null;
    ok.disabled = true;
    problem.textContent = 'Working…';
    // Let the dialog paint "Working…" before a long outline is buffered.
    window.setTimeout(() => {
      const result = bufferGeometry(request.geometry, distance, chosen?.geometry ?? null);
      ok.disabled = false;
      if (!result.ok) {
        problem.textContent = result.message;
        return;
      }
      modal.close();
      request.done({ geometry: result.geometry, km: distance, side: chosen });
    }, 30);
  });
  modal.body.append(form);
  km.focus();
  km.select();
}
