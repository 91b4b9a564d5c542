export const INSERTED_NODES = 10_000;
export const INSERT_BATCH = 100;
// Timed repeats per load (the fastest counts: other load on the machine only adds time); one
// more runs first, untimed, to warm the JIT.
export const INSERT_REPEATS = 4;

/**
 * In-page: appends 10,000 mixed nodes (div, span, p, a, img, inline scripts, a few held scripts)
 * in batches of 100, half one appendChild at a time into a live container, half as a detached
 * subtree appended once. Each batch is timed up to the end of its microtasks, so mutation
 * observers' callbacks are inside the figure.
 */
export async function insertNodes(total, batchSize, repeats) {
  const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
  const make = (index) => {
    const kind = index % 20;
    let node;
    if (index % 100 === 1) {
      node = document.createElement('script');
      node.type = 'text/plain';
      node.dataset.category = 'analytics';
      node.textContent = 'window.__heldInserted = (window.__heldInserted || 0) + 1';
    } else if (kind === 0) {
      node = document.createElement('script');
      node.textContent = 'window.__inserted = (window.__inserted || 0) + 1';
    } else if (kind < 3) {
      node = document.createElement('img');
      node.alt = '';
      node.width = node.height = 1;
      node.src = pixel;
    } else if (kind < 4) {
      node = document.createElement('a');
      node.href = `#item-${index}`;
      node.textContent = `Item ${index}`;
    } else if (kind < 6) {
      node = document.createElement('p');
      node.textContent = `Paragraph ${index}`;
    } else if (kind < 9) {
      node = document.createElement('span');
      node.textContent = `${index} `;
    } else {
      node = document.createElement('div');
      node.className = `row row-${kind}`;
    }
    return node;
  };
  const channel = new MessageChannel();
  const nextTask = () => new Promise((done) => {
    channel.port1.onmessage = done;
    channel.port2.postMessage(0);
  });
  const times = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    // A hidden container: layout and paint of 10,000 nodes would be the same with or without a
    // widget, so they are kept out of a figure that is about script.
    const container = document.createElement('section');
    container.hidden = true;
    document.body.append(container);
    await nextTask();
    let spent = 0;
    for (let first = 0, batch = 0; first < total; first += batchSize, batch++) {
      const start = performance.now();
      if (batch % 2) {
        const subtree = document.createElement('div');
        for (let index = first; index < first + batchSize; index++) subtree.appendChild(make(index));
        container.appendChild(subtree);
      } else {
        for (let index = first; index < first + batchSize; index++) container.appendChild(make(index));
      }
      await Promise.resolve();
      spent += performance.now() - start;
    }
    times.push(spent);
    container.remove();
    await nextTask();
  }
  return times;
}
