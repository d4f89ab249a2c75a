import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './app.css';

/** Monaco's workers are served by the gateway itself: nothing is fetched from a CDN. */
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(new URL(file, window.location.href.replace(/[#?].*$/, '').replace(/\/?$/, '/')));
  },
};

interface CollectionEntry {
  file: string;
  title: string;
  query: string;
  variables: string;
}

/**
 * `#token=…` in the address opens GraphiQL signed in; the fragment never reaches a server log,
 * and it is taken out of the address (and so of the history) as soon as it is read.
 */
function tokenFromFragment(): string | undefined {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (!match) return undefined;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return decodeURIComponent(match[1]);
}

function CollectionPanel() {
  const [entries, setEntries] = useState<CollectionEntry[] | null>(null);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const { addTab } = useGraphiQLActions();
  useEffect(() => {
    fetch('collection.json').then((r) => r.json()).then(setEntries, () => setEntries([]));
  }, []);
  const open = (entry: CollectionEntry) => {
    const headers = headerEditor?.getValue(); // the new tab keeps the caller's token
    addTab();
    // the new tab's editors are bound on the next tick
    setTimeout(() => {
      queryEditor?.setValue(entry.query);
      variableEditor?.setValue(entry.variables);
      if (headers) headerEditor?.setValue(headers);
    }, 0);
  };
  return (
    <div className="collection">
      <div className="graphiql-doc-explorer-title">查询示例 · Query collection</div>
      {entries === null ? <p>…</p> : null}
      <ul>
        {entries?.map((entry) => (
          <li key={entry.file}>
            <button type="button" data-file={entry.file} onClick={() => open(entry)}>
              {entry.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const collectionPlugin: GraphiQLPlugin = {
  title: '查询示例 · Query collection',
  icon: () => <span aria-hidden="true">★</span>,
  content: CollectionPanel,
};

const token = tokenFromFragment();

/**
 * GraphiQL keeps its tabs, headers (the bearer token) and history in the tab's sessionStorage,
 * gone when the tab closes, never in localStorage, which outlives the session and is shared by
 * every tab of the origin. What an earlier version left in localStorage is removed.
 */
for (const key of Object.keys(localStorage)) if (key.startsWith('graphiql:')) localStorage.removeItem(key);

function App() {
  const endpoint = new URL('../graphql', window.location.href.replace(/[#?].*$/, '').replace(/\/?$/, '/')).toString();
  return (
    <GraphiQL
      fetcher={createGraphiQLFetcher({ url: endpoint })}
      plugins={[collectionPlugin]}
      defaultHeaders={JSON.stringify({ Authorization: `Bearer ${token ?? 'PASTE-YOUR-TOKEN-HERE'}` }, null, 2)}
      initialHeaders={token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : undefined}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders
      storage={sessionStorage}
    />
  );
}

createRoot(document.getElementById('graphiql')!).render(<App />);
