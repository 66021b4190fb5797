import { SettingsPage } from './SettingsPage.tsx';

export default function Page() {
  return <SettingsPage />;
}
