import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Layout, Loading } from '../components/layout.tsx';
import { useSession } from '../session.tsx';

/** `/`: sends each person to their own start page. */
export default function StartPage() {
  const { me } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (me === null) location.route('/sign-in', true);
    else if (me) location.route(me.kind === 'seller' ? '/dashboard' : '/home', true);
  }, [me]);
  return (
    <Layout narrow>
      <Loading />
    </Layout>
  );
}
