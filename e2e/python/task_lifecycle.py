"""boto3 against a running Berth (BERTH_ENDPOINT): clusters, a task definition, a task that
really serves HTTP, the waiters, and ECS's errors as botocore ClientErrors. Exits non-zero on
the first failed check."""
import json
import os
import sys
import urllib.request

import boto3
from botocore.exceptions import ClientError

ecs = boto3.client('ecs', endpoint_url=os.environ['BERTH_ENDPOINT'])


def check(condition, what):
    if not condition:
        print(f'FAILED: {what}', file=sys.stderr)
        sys.exit(1)


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response['Error']['Code'], error.response['Error']['Message']
    return None, None


cluster = ecs.create_cluster(clusterName='boto3-cluster', tags=[{'key': 'team', 'value': 'e2e'}])['cluster']
check(cluster['status'] == 'ACTIVE', 'cluster ACTIVE')
check(ecs.list_tags_for_resource(resourceArn=cluster['clusterArn'])['tags'] == [{'key': 'team', 'value': 'e2e'}], 'cluster tags')

definition = ecs.register_task_definition(
    family='boto3-web',
    containerDefinitions=[{
        'name': 'web', 'image': 'berth-test/busybox:latest', 'memory': 64, 'essential': True,
        'portMappings': [{'containerPort': 8080}],
        'environment': [{'name': 'PORT', 'value': '8080'}],
    }],
    tags=[{'key': 'app', 'value': 'web'}],
)['taskDefinition']
check(definition['revision'] == 1, 'revision 1')
check(ecs.describe_task_definition(taskDefinition='boto3-web', include=['TAGS'])['tags'] == [{'key': 'app', 'value': 'web'}], 'task definition tags')

run = ecs.run_task(taskDefinition='boto3-web', clientToken='boto3-token-1')
check(run['failures'] == [], f"no failures: {run['failures']}")
task_arn = run['tasks'][0]['taskArn']
again = ecs.run_task(taskDefinition='boto3-web', clientToken='boto3-token-1')
check([t['taskArn'] for t in again['tasks']] == [task_arn], 'clientToken makes RunTask idempotent')
code, _ = error_of(ecs.run_task, taskDefinition='boto3-web', count=2, clientToken='boto3-token-1')
check(code == 'ConflictException', f'reused clientToken with another request: {code}')

ecs.get_waiter('tasks_running').wait(tasks=[task_arn], WaiterConfig={'Delay': 1, 'MaxAttempts': 120})
task = ecs.describe_tasks(tasks=[task_arn])['tasks'][0]
binding = task['containers'][0]['networkBindings'][0]
check(binding['containerPort'] == 8080, 'binding containerPort')
body = urllib.request.urlopen(f"http://127.0.0.1:{binding['hostPort']}/", timeout=5).read().decode()
check(body == 'hello from berth\n', f'http body {body!r}')
check(task['containers'][0]['runtimeId'], 'runtimeId reported')
check(task['version'] > 1, 'version grows with state changes')
for field in ('createdAt', 'pullStartedAt', 'pullStoppedAt', 'startedAt', 'connectivityAt'):
    check(field in task, f'{field} present')

ecs.stop_task(task=task_arn, reason='boto3 says stop')
ecs.get_waiter('tasks_stopped').wait(tasks=[task_arn], WaiterConfig={'Delay': 1, 'MaxAttempts': 120})
task = ecs.describe_tasks(tasks=[task_arn])['tasks'][0]
check(task['stopCode'] == 'UserInitiated' and task['stoppedReason'] == 'boto3 says stop', 'stop reason kept')
check(task['containers'][0]['lastStatus'] == 'STOPPED', 'container STOPPED')
for field in ('stoppingAt', 'executionStoppedAt', 'stoppedAt'):
    check(field in task, f'{field} present')

code, message = error_of(ecs.describe_clusters, clusters=['x'] * 101)
check(code == 'InvalidParameterException', f'describe 101 clusters: {code}')
code, message = error_of(ecs.list_tasks, cluster='no-such-cluster')
check((code, message) == ('ClusterNotFoundException', 'Cluster not found.'), f'{code} {message}')
code, message = error_of(ecs.run_task, taskDefinition='boto3-web', count=0)
check(code == 'InvalidParameterException', f'count 0: {code}')

paginator = ecs.get_paginator('list_task_definitions')
for i in range(3):
    ecs.register_task_definition(family='boto3-pages', containerDefinitions=[{'name': 'a', 'image': 'x', 'memory': 8}])
arns = [arn for page in paginator.paginate(familyPrefix='boto3-pages', PaginationConfig={'PageSize': 1}) for arn in page['taskDefinitionArns']]
check([a.rsplit(':', 1)[1] for a in arns] == ['1', '2', '3'], f'paginated list {arns}')
ecs.deregister_task_definition(taskDefinition='boto3-pages:2')
check(ecs.list_task_definitions(familyPrefix='boto3-pages', status='INACTIVE')['taskDefinitionArns'][0].endswith(':2'), 'inactive listed')
deleted = ecs.delete_task_definitions(taskDefinitions=['boto3-pages:2', 'boto3-pages:3'])
check(deleted['taskDefinitions'][0]['status'] == 'DELETE_IN_PROGRESS', 'deleted')
check('still in ACTIVE status' in deleted['failures'][0]['reason'], 'active ones are refused')
check(ecs.list_task_definition_families(familyPrefix='boto3')['families'] == ['boto3-pages', 'boto3-web'], 'families')

print(json.dumps({'ok': True}))
