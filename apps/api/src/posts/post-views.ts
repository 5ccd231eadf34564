/** The JSON shapes the public API answers with (documented in docs/api.md). */

export interface CategoryRef {
  slug: string;
  name: string;
}

export interface PostSummaryView {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  externalUrl: string | null;
  categories: CategoryRef[];
  commentCount: number;
}

export interface PostListView {
  items: PostSummaryView[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  categories: CategoryRef[];
}

export interface CommentView {
  id: number;
  parentId: number | null;
  authorName: string;
  html: string;
  createdAt: string;
  replies: CommentView[];
}

export interface PostLinkView {
  slug: string;
  title: string;
}

export interface PostDetailView {
  post: Omit<PostSummaryView, 'publishedAt'> & {
    publishedAt: string;
    updatedAt: string;
    html: string;
  };
  comments: CommentView[];
  previous: PostLinkView | null;
  next: PostLinkView | null;
  related: Array<PostLinkView & { publishedAt: string }>;
}
