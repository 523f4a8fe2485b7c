import { networkSupports } from '../../../../../common/network';
import { supportStyle } from './mapLayout';

/** What the map's lines, signs and shapes mean; drawn with the same patterns as the map. */
export function MapLegend() {
  return (
    <ul className="map-legend" aria-label="Forklaring til netværkskortet">
      {networkSupports.map((s) => {
        const style = supportStyle[s];
        return (
          <li key={s}>
            <svg width="54" height="16" aria-hidden="true">
              <line x1="2" y1="8" x2="52" y2="8" stroke={style.colour} strokeWidth="3.5" strokeDasharray={style.dash} />
            </svg>
            <strong aria-hidden="true">{style.sign}</strong> {style.word.charAt(0).toUpperCase() + style.word.slice(1)}
          </li>
        );
      })}
      <li>
        <svg width="20" height="20" aria-hidden="true">
          <circle cx="10" cy="10" r="8" fill="#fff" stroke="#1b1f24" strokeWidth="2" />
        </svg>
        Privat
      </li>
      <li>
        <svg width="20" height="20" aria-hidden="true">
          <rect x="2" y="2" width="16" height="16" rx="2" fill="#fff" stroke="#1b1f24" strokeWidth="2" />
        </svg>
        Professionel
      </li>
      <li>Inderste ring: tæt på familien</li>
    </ul>
  );
}
