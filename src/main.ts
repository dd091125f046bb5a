import { mount } from 'svelte';
import App from './App.svelte';
import './ui/common/global.css';
import { pwa } from './state/pwa.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
mount(App, { target });
pwa.start();
