import { hydrateRoot } from 'react-dom/client';
import { EditableApp } from './editable-app.js';

// The server rendered <EditableApp /> into #root; hydrate it as a portal page would.
const root = document.getElementById('root');
if (root) hydrateRoot(root, <EditableApp />);
