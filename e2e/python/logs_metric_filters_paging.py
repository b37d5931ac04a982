"""boto3 against Berth's CloudWatch Logs (BERTH_ENDPOINT): puts three metric filters on a group
and reads them back through boto3's DescribeMetricFilters paginator one per page, then by metric
name and namespace. Argument: a log group that exists. Exits non-zero on the first failed check."""
import os
import sys

import boto3

group = sys.argv[1]
logs = boto3.client('logs', endpoint_url=os.environ['BERTH_ENDPOINT'])

for name, metric in [('paged-b', 'B'), ('paged-a', 'A'), ('paged-c', 'C')]:
    logs.put_metric_filter(logGroupName=group, filterName=name, filterPattern='ERROR',
                           metricTransformations=[{'metricName': metric, 'metricNamespace': 'Paged',
                                                   'metricValue': '1'}])

pages = list(logs.get_paginator('describe_metric_filters').paginate(
    logGroupName=group, filterNamePrefix='paged-', PaginationConfig={'PageSize': 1}))
names = [f['filterName'] for page in pages for f in page['metricFilters']]
assert names == ['paged-a', 'paged-b', 'paged-c'], names
assert len(pages) == 3, pages

by_metric = logs.describe_metric_filters(metricName='B', metricNamespace='Paged')['metricFilters']
assert [f['filterName'] for f in by_metric] == ['paged-b'], by_metric
print('ok')
