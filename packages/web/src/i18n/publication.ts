/** UI text of a period's publication (数据发布: closing and reopening a period); English typed by the Chinese. */
export const publicationZh = {
  open: '未发布',
  closed: '已发布',
  closedBy: '{{user}} 于 {{at}} 发布',
  close: '发布本期（关闭）',
  reopen: '重新开放',
  closeConfirm: '发布后，修改本期数据须填写修订原因，原数据保留为历史版本。确定发布？',
  reopenConfirm: '重新开放后，本期数据可不填修订原因直接修改。确定重新开放？',
  done: '已更新本期发布状态',
}

export const publicationEn: typeof publicationZh = {
  open: 'Not published',
  closed: 'Published',
  closedBy: 'published by {{user}} at {{at}}',
  close: 'Publish (close the period)',
  reopen: 'Reopen',
  closeConfirm: 'Once published, changing this period needs a revision reason and the old figures are kept as revisions. Publish?',
  reopenConfirm: 'Once reopened, this period can be changed without a revision reason. Reopen?',
  done: 'Publication status updated',
}
