// Server-Sent Events read from a fetch response (EventSource cannot POST or send a token): the
// WHATWG rules — `event:` and `data:` fields, lines ending in LF, CR or CRLF, a blank line ends an
// event, `:` starts a comment.

/** A parser fed text as it arrives; `onEvent({event, data})` is called per complete event. */
export function eventParser(onEvent) {
  let buffer = '';
  let event = null;
  let data = [];
  const dispatch = () => {
    if (data.length) onEvent({ event: event || 'message', data: data.join('\n') });
    event = null;
    data = [];
  };
  const line = (text) => {
    if (text === '') { dispatch(); return; }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return {
    feed(text) {
      buffer += text;
      // A CR at the very end may be the first half of a CRLF: wait for the next piece.
      const match = /\r\n|\r(?!$)|\n/g;
      let start = 0;
      let found;
      while ((found = match.exec(buffer))) {
        line(buffer.slice(start, found.index));
        start = found.index + found[0].length;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer) line(buffer.replace(/\r$/, ''));
      buffer = '';
      dispatch();
    },
  };
}

/** Reads the events of `response` to its end, calling `onEvent` for each. */
export async function readEvents(response, onEvent) {
  const parser = eventParser(onEvent);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  parser.feed(decoder.decode());
  parser.end();
}
