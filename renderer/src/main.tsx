import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useDanishZodMessages } from '../../common/validation';
import { App } from './app/App';
import './styles.css';

// zod's own messages (types, sizes) in Danish in the renderer too.
useDanishZodMessages();

const queryClient = new QueryClient({
  defaultOptions: {
    // No background polling: the idle lock must measure the person, not the app.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html mangler elementet #root.');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
