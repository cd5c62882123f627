/**
 * The script of a remote invitation's page (docs/questionnaires.md#remote-invitations). It runs in the candidate's
 * browser, not in the core: `invitationPage` is written into the HTML file as its own text and called with the
 * invitation's data, so it must use nothing from outside its body. It keeps progress in the browser's storage,
 * records response times and proctoring events, and at the end signs the answers with the invitation's key
 * (HMAC-SHA-256, Web Crypto) and offers them as a file to send back.
 */
export interface PageData {
  invitationId: string;
  /** The invitation's own HMAC key, base64. */
  key: string;
  format: string;
  instrumentId: string;
  instrumentVersion: string;
  language: string;
  title: string;
  greeting: string | null;
  instructions: string[];
  labels: string[];
  range: { min: number; max: number };
  items: Array<{ id: string; text: string }>;
}

export function invitationPage(data: PageData): void {
  type Saved = { answers: Record<string, { value: number; ms: number; at: string }>; events: Array<{ kind: string; seconds: number; item: string | null; at: string }>; startedAt: string; index: number };
  const storageKey = `harmony-invitation-${data.invitationId}`;
  const root = document.getElementById('app')!;
  const load = (): Saved => {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Saved | null;
      if (saved && typeof saved === 'object' && saved.answers) return saved;
    } catch {
      // A damaged entry starts afresh.
    }
    return { answers: {}, events: [], startedAt: new Date().toISOString(), index: -1 };
  };
  const state = load();
  const save = () => localStorage.setItem(storageKey, JSON.stringify(state));
  let shownAt = performance.now();
  let lastInput = Date.now();
  const count = () => data.items.filter((item) => state.answers[item.id]).length;
  const firstOpen = () => {
    const i = data.items.findIndex((item) => !state.answers[item.id]);
    return i < 0 ? data.items.length : i;
  };
  const el = (tag: string, text?: string, className?: string): HTMLElement => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const record = (kind: string, seconds = 0) => {
    const item = data.items[state.index]?.id ?? null;
    state.events.push({ kind, seconds, item, at: new Date().toISOString() });
    save();
  };
  const noteInput = (event: Event) => {
    if (!event.isTrusted) record('syntheticInput');
    const gap = (Date.now() - lastInput) / 1000;
    if (gap >= 120 && state.index >= 0) record('idle', Math.round(gap));
    lastInput = Date.now();
  };

  function render(): void {
    root.replaceChildren();
    const header = el('header');
    header.append(el('h1', data.title));
    if (data.greeting) header.append(el('p', `For ${data.greeting}`, 'muted'));
    root.append(header);
    if (state.index < 0) return renderStart();
    if (state.index >= data.items.length) return renderEnd();
    renderItem();
  }

  function renderStart(): void {
    for (const paragraph of data.instructions) root.append(el('p', paragraph));
    root.append(el('p', `${data.items.length} statements. Your progress is kept in this browser: you can close the page and come back.`, 'muted'));
    const start = el('button', count() > 0 ? 'Go on' : 'Start') as HTMLButtonElement;
    start.onclick = (event) => {
      noteInput(event);
      state.index = firstOpen();
      save();
      shownAt = performance.now();
      render();
    };
    root.append(start);
  }

  function answer(value: number): void {
    const item = data.items[state.index]!;
    const previous = state.answers[item.id];
    const ms = Math.round(performance.now() - shownAt) + (previous ? previous.ms : 0);
    state.answers[item.id] = { value, ms, at: new Date().toISOString() };
    state.index = Math.min(data.items.length, state.index + 1);
    if (state.index < data.items.length && state.answers[data.items[state.index]!.id]) state.index = firstOpen();
    save();
    shownAt = performance.now();
    render();
  }

  function renderItem(): void {
    const item = data.items[state.index]!;
    const progress = el('p', `Statement ${state.index + 1} of ${data.items.length} · ${count()} answered`, 'muted');
    progress.setAttribute('role', 'status');
    root.append(progress);
    const bar = el('progress') as HTMLProgressElement;
    bar.max = data.items.length;
    bar.value = count();
    root.append(bar);
    root.append(el('p', item.text, 'statement'));
    const options = el('div', undefined, 'options');
    options.setAttribute('role', 'group');
    options.setAttribute('aria-label', 'Your answer');
    data.labels.forEach((label, i) => {
      const value = data.range.min + i;
      const button = el('button', `${i + 1} · ${label}`) as HTMLButtonElement;
      if (state.answers[item.id]?.value === value) button.setAttribute('aria-pressed', 'true');
      button.onclick = (event) => {
        noteInput(event);
        answer(value);
      };
      options.append(button);
    });
    root.append(options);
    if (state.index > 0) {
      const back = el('button', '← Back', 'link') as HTMLButtonElement;
      back.onclick = (event) => {
        noteInput(event);
        state.index -= 1;
        save();
        shownAt = performance.now();
        render();
      };
      root.append(back);
    }
  }

  const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

  async function download(): Promise<void> {
    const payload = JSON.stringify({
      invitationId: data.invitationId,
      instrumentId: data.instrumentId,
      instrumentVersion: data.instrumentVersion,
      language: data.language,
      startedAt: state.startedAt,
      finishedAt: new Date().toISOString(),
      answers: data.items.map((item) => ({ item: item.id, ...state.answers[item.id]! })),
      events: state.events,
    });
    const raw = Uint8Array.from(atob(data.key), (c) => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const hmac = hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload)));
    const file = new Blob([JSON.stringify({ format: data.format, payload, hmac })], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = `answers-${data.invitationId}.json`;
    document.body.append(link);
    link.click();
    link.remove();
  }

  function renderEnd(): void {
    root.append(el('h2', 'All statements answered'));
    root.append(el('p', 'Save your answers as a file and send it back to the person who invited you. The file is checked when it arrives: a changed file is refused.'));
    const button = el('button', 'Save my answers') as HTMLButtonElement;
    const status = el('p', '', 'muted');
    status.setAttribute('role', 'status');
    button.onclick = (event) => {
      noteInput(event);
      if (!window.crypto?.subtle) {
        status.textContent = 'This browser cannot sign the answers. Open the file in a current Chrome, Edge, Firefox or Safari.';
        return;
      }
      download().then(
        () => (status.textContent = 'Saved. Send the file back to the person who invited you.'),
        (error: unknown) => (status.textContent = `The answers could not be saved: ${String(error)}`),
      );
    };
    root.append(button, status);
    const back = el('button', '← Back to the statements', 'link') as HTMLButtonElement;
    back.onclick = () => {
      state.index = data.items.length - 1;
      save();
      render();
    };
    root.append(back);
  }

  document.addEventListener('keydown', (event) => {
    noteInput(event);
    if (state.index < 0 || state.index >= data.items.length) return;
    const n = Number.parseInt(event.key, 10);
    if (n >= 1 && n <= data.labels.length) answer(data.range.min + n - 1);
    else if (event.key === 'Backspace' && state.index > 0) {
      state.index -= 1;
      save();
      render();
    }
  });
  window.addEventListener('blur', () => record('focusLost'));
  document.addEventListener('paste', () => record('paste'));
  render();
}
