import { Layout } from '../components/layout.tsx';

export default function NotFoundPage() {
  return (
    <Layout narrow>
      <div class="card">
        <h1>Page not found</h1>
        <p>This address does not lead anywhere in Atelier.</p>
        <a class="button primary" href="/">
          Go to your start page
        </a>
      </div>
    </Layout>
  );
}
