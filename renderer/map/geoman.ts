import L from 'leaflet';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';

// Geoman manages only the layers that opt in (`pmIgnore: false`): the zones. The basemap
// outlines and the incident markers must never become editable, draggable or removable.
// Opting in must happen before the map is created, so this module is imported by createMap.
L.PM.setOptIn(true);

