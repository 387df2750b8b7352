/** A source's metadata as the metadata fields show it (empty for what is not stated): after a preview, and when editing a saved source. */
export function metadataFormValues(metadata: {
  title: string | null;
  url: string | null;
  publisher: string | null;
  author: string | null;
  language: string;
  publishedOn: string | null;
}) {
  return {
    title: metadata.title ?? '',
    url: metadata.url ?? '',
    publisher: metadata.publisher ?? '',
    author: metadata.author ?? '',
    language: metadata.language,
    publishedOn: metadata.publishedOn ?? '',
  };
}
