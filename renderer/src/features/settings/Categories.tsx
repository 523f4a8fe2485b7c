import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';

/** The institution's own list of journal categories: add, rename, order, and take out of use. */
export function CategoriesPanel() {
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: ['categories', 'admin'], queryFn: () => call('categories:list', {}) });
  const [label, setLabel] = useState('');
  const [editing, setEditing] = useState<{ id: number; label: string } | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['categories'] });
  };
  const create = useMutation({ mutationFn: () => call('categories:create', { label }), onSuccess: () => (setLabel(''), refresh()) });
  const update = useMutation({ mutationFn: (v: { categoryId: number; label: string; active: boolean }) => call('categories:update', v), onSuccess: () => (setEditing(null), refresh()) });
  const move = useMutation({ mutationFn: (v: { categoryId: number; direction: 'up' | 'down' }) => call('categories:move', v), onSuccess: refresh });
  const error = create.error ?? update.error ?? move.error;
  const list = categories.data ?? [];
  return (
    <div className="panel">
      <h2 style={{ marginTop: 0 }}>Kategorier i dagbogen</h2>
      <p className="muted">Kategorierne vises, når man skriver et notat. En kategori, der tages ud af brug, forsvinder fra nye notater, men gamle notater beholder den.</p>
      {error && <Notice kind="error">{errorText(error)}</Notice>}
      <table className="list" data-testid="categories">
        <thead>
          <tr>
            <th>Kategori</th>
            <th>Notater</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Handlinger</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((c, i) => (
            <tr key={c.id} className={c.active ? undefined : 'inactive'}>
              <td>
                {editing?.id === c.id ? (
                  <form
                    className="row-actions"
                    onSubmit={(e) => {
                      e.preventDefault();
                      update.mutate({ categoryId: c.id, label: editing.label, active: c.active });
                    }}
                  >
                    <input aria-label="Nyt navn" value={editing.label} onChange={(e) => setEditing({ id: c.id, label: e.target.value })} autoFocus />
                    <button type="submit">Gem</button>
                    <button type="button" className="secondary" onClick={() => setEditing(null)}>
                      Annullér
                    </button>
                  </form>
                ) : (
                  c.label
                )}
              </td>
              <td>{c.inUse}</td>
              <td>{c.active ? 'I brug' : 'Ikke i brug'}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="secondary" onClick={() => setEditing({ id: c.id, label: c.label })} aria-label={`Omdøb ${c.label}`}>
                    Omdøb
                  </button>
                  <button type="button" className="secondary" onClick={() => update.mutate({ categoryId: c.id, label: c.label, active: !c.active })}>
                    {c.active ? 'Tag ud af brug' : 'Tag i brug'}
                  </button>
                  <button type="button" className="secondary" disabled={i === 0} onClick={() => move.mutate({ categoryId: c.id, direction: 'up' })} aria-label={`Flyt ${c.label} op`}>
                    ↑
                  </button>
                  <button type="button" className="secondary" disabled={i === list.length - 1} onClick={() => move.mutate({ categoryId: c.id, direction: 'down' })} aria-label={`Flyt ${c.label} ned`}>
                    ↓
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row"
        style={{ marginTop: '1rem', alignItems: 'flex-end' }}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="new-category">Ny kategori</label>
          <input id="new-category" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" disabled={!label.trim() || create.isPending}>
            Tilføj kategori
          </button>
        </div>
      </form>
    </div>
  );
}
