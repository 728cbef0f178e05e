import { describe, expect, it } from 'vitest';
import { UndoStack } from '../undoStack';

function counter() {
  const state = { value: 0 };
  const add = (stack: UndoStack, n: number) => {
    state.value += n;
    stack.push({ label: `add ${n}`, undo: async () => void (state.value -= n), redo: async () => void (state.value += n) });
  };
  return { state, add };
}

describe('UndoStack', () => {
  it('undoes and redoes in order', async () => {
    const stack = new UndoStack();
    const { state, add } = counter();
    add(stack, 1);
    add(stack, 10);
    expect(await stack.undo()).toBe('add 10');
    expect(state.value).toBe(1);
    expect(await stack.undo()).toBe('add 1');
    expect(await stack.undo()).toBeNull();
    expect(await stack.redo()).toBe('add 1');
    expect(state.value).toBe(1);
  });
  it('a new change clears the redo history', async () => {
    const stack = new UndoStack();
    const { add } = counter();
    add(stack, 1);
    await stack.undo();
    add(stack, 2);
    expect(stack.canRedo).toBe(false);
  });
  it('runs overlapping undo requests one after another', async () => {
    const stack = new UndoStack();
    const { state, add } = counter();
    add(stack, 1);
    add(stack, 2);
    await Promise.all([stack.undo(), stack.undo()]);
    expect(state.value).toBe(0);
  });
  it('keeps a command whose undo failed, so it can be retried', async () => {
    const stack = new UndoStack();
    stack.push({ label: 'flaky', undo: async () => { throw new Error('offline'); }, redo: async () => {} });
    await expect(stack.undo()).rejects.toThrow('offline');
    expect(stack.canUndo).toBe(true);
    expect(stack.undoLabel).toBe('flaky');
  });
  it('forgets the oldest commands past its limit', async () => {
    const stack = new UndoStack(2);
    const { add } = counter();
    add(stack, 1);
    add(stack, 2);
    add(stack, 3);
    await stack.undo();
    await stack.undo();
    expect(stack.canUndo).toBe(false);
  });
});
