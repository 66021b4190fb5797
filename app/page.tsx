export default function Home() {
  return <h1>Inboxwatch</h1>;
}
