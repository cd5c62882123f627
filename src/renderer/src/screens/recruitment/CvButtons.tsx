import { toast } from 'sonner';
import { call } from '../../api/client';
import { downloadBase64, downloadText } from '../../files';

/** The yacht CV as PDF (two pages at most) with or without contact details, or as Markdown. */
export function CvButtons({ personId }: { personId: string }) {
  async function pdf(contacts: boolean) {
    try {
      const cv = await call('cv.pdf', { personId, contacts });
      downloadBase64(cv.fileName, cv.contentBase64, 'application/pdf');
    } catch (error) {
      toast.error((error as Error).message);
    }
  }
  async function markdown() {
    try {
      const cv = await call('cv.markdown', { personId, contacts: true });
      downloadText(cv.fileName, cv.markdown, 'text/markdown;charset=utf-8');
    } catch (error) {
      toast.error((error as Error).message);
    }
  }
  return (
    <span className="button-row">
      <button type="button" onClick={() => void pdf(true)}>
        CV (PDF)
      </button>
      <button type="button" onClick={() => void pdf(false)}>
        CV without contact details
      </button>
      <button type="button" className="link" onClick={() => void markdown()}>
        Markdown
      </button>
    </span>
  );
}
