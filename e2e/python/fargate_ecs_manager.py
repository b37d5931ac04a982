"""The seed documents' boto3 ECSManager flow on FARGATE (../shared/seeds/000_*), run verbatim against
Berth (BERTH_ENDPOINT): a cluster with the FARGATE capacity provider strategy, a Fargate task
definition, a service of two awsvpc tasks that each answer HTTP on their own address, and a rolling
update to a new revision. Then a two-container task whose sidecar reaches the web container on
localhost, a task killed for exceeding its memory, and ECS's errors for what Fargate refuses.
Exits non-zero on the first failed check."""
import os
import sys
import time
import urllib.request

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ['BERTH_ENDPOINT']
NETWORK = {'awsvpcConfiguration': {'subnets': ['subnet-12345678', 'subnet-87654321'],
                                   'securityGroups': ['sg-12345678'], 'assignPublicIp': 'ENABLED'}}


class ECSManager:
    """The seed's class; only the endpoint is Berth's."""

    def __init__(self, region='ap-northeast-2'):
        self.ecs_client = boto3.client('ecs', region_name=region, endpoint_url=ENDPOINT)
        self.region = region

    def create_cluster(self, cluster_name):
        response = self.ecs_client.create_cluster(
            clusterName=cluster_name,
            capacityProviders=['FARGATE'],
            defaultCapacityProviderStrategy=[{'capacityProvider': 'FARGATE', 'weight': 1}],
        )
        return response['cluster']['clusterArn']

    def register_task_definition(self, task_definition):
        response = self.ecs_client.register_task_definition(**task_definition)
        return response['taskDefinition']['taskDefinitionArn']

    def create_service(self, cluster_name, service_name, task_definition_arn):
        response = self.ecs_client.create_service(
            cluster=cluster_name,
            serviceName=service_name,
            taskDefinition=task_definition_arn,
            desiredCount=2,
            launchType='FARGATE',
            networkConfiguration=NETWORK,
        )
        return response['service']['serviceArn']

    def update_service(self, cluster_name, service_name, task_definition_arn):
        response = self.ecs_client.update_service(
            cluster=cluster_name, service=service_name, taskDefinition=task_definition_arn)
        return response['service']['serviceArn']


def check(condition, what):
    if not condition:
        print(f'FAILED: {what}', file=sys.stderr)
        sys.exit(1)


def wait_until(what, predicate, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    check(False, f'{what} within {timeout} s')


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response['Error']['Code'], error.response['Error']['Message']
    return None, None


def http_get(address, port=80):
    with urllib.request.urlopen(f'http://{address}:{port}/', timeout=3) as response:
        return response.status, response.read().decode()


manager = ECSManager()
ecs = manager.ecs_client

# --- The seed's flow ---------------------------------------------------------------------------
cluster_arn = manager.create_cluster('my-web-cluster')
check(cluster_arn and cluster_arn.endswith(':cluster/my-web-cluster'), 'cluster ARN')
cluster = ecs.describe_clusters(clusters=['my-web-cluster'])['clusters'][0]
check(cluster['capacityProviders'] == ['FARGATE'], 'cluster capacity providers')
check(cluster['defaultCapacityProviderStrategy'][0]['capacityProvider'] == 'FARGATE', 'default strategy')

web_app = {
    'family': 'web-app',
    'networkMode': 'awsvpc',
    'requiresCompatibilities': ['FARGATE'],
    'cpu': '256',
    'memory': '512',
    'containerDefinitions': [{
        'name': 'web',
        'image': 'nginx:latest',
        'portMappings': [{'containerPort': 80}],
        'essential': True,
    }],
}
task_def_arn = manager.register_task_definition(web_app)
check(task_def_arn.endswith(':task-definition/web-app:1'), 'task definition ARN')
service_arn = manager.create_service('my-web-cluster', 'web-service', task_def_arn)
check(service_arn.endswith(':service/my-web-cluster/web-service'), 'service ARN')


def running_tasks(revision):
    arns = ecs.list_tasks(cluster='my-web-cluster', serviceName='web-service')['taskArns']
    if not arns:
        return []
    tasks = ecs.describe_tasks(cluster='my-web-cluster', tasks=arns)['tasks']
    return [t for t in tasks
            if t['lastStatus'] == 'RUNNING' and t['desiredStatus'] == 'RUNNING'
            and t['taskDefinitionArn'].endswith(f'/web-app:{revision}')]


def check_fargate_tasks(tasks, revision):
    addresses = set()
    for task in tasks:
        check(task['launchType'] == 'FARGATE', 'launchType FARGATE')
        check(task['platformVersion'] == '1.4.0', 'platform version LATEST → 1.4.0')
        check(task['platformFamily'] == 'Linux', 'platform family')
        check('containerInstanceArn' not in task, 'no container instance on a Fargate task')
        check(task['cpu'] == '256' and task['memory'] == '512', 'task size')
        check(task['ephemeralStorage'] == {'sizeInGiB': 20}, 'default ephemeral storage')
        eni = task['attachments'][0]
        check(eni['type'] == 'ElasticNetworkInterface' and eni['status'] == 'ATTACHED', f'ENI attached: {eni}')
        details = {d['name']: d['value'] for d in eni['details']}
        check(details['subnetId'] == 'subnet-12345678', 'subnet echoed')
        address = details['privateIPv4Address']
        check(task['containers'][0]['networkInterfaces'][0]['privateIpv4Address'] == address,
              'container networkInterfaces carry the address')
        status, body = http_get(address)
        check(status == 200 and 'hello' in body, f'task answers HTTP on {address}:80 (revision {revision})')
        addresses.add(address)
    check(len(addresses) == 2, 'each task has its own address')


first = wait_until('two RUNNING tasks', lambda: (lambda t: t if len(t) == 2 else None)(running_tasks(1)))
check_fargate_tasks(first, 1)
check(ecs.list_container_instances(cluster='my-web-cluster')['containerInstanceArns'] == [],
      'managed capacity is not a container instance')
service = ecs.describe_services(cluster='my-web-cluster', services=['web-service'])['services'][0]
check(service['launchType'] == 'FARGATE' and service['platformVersion'] == 'LATEST', 'service launch fields')

# update_service to a new revision rolls the tasks.
second_def = manager.register_task_definition({
    **web_app,
    'containerDefinitions': [{**web_app['containerDefinitions'][0],
                              'environment': [{'name': 'NODE_ENV', 'value': 'production'}]}],
})
manager.update_service('my-web-cluster', 'web-service', second_def)


def rolled():
    service = ecs.describe_services(cluster='my-web-cluster', services=['web-service'])['services'][0]
    tasks = running_tasks(2)
    done = len(service['deployments']) == 1 and service['runningCount'] == 2 and len(tasks) == 2
    return tasks if done else None


second = wait_until('the update rolled to revision 2', rolled, timeout=90)
check_fargate_tasks(second, 2)
old = ecs.describe_tasks(cluster='my-web-cluster', tasks=[t['taskArn'] for t in first])['tasks']
check(all(t['desiredStatus'] == 'STOPPED' for t in old), 'revision 1 tasks stopped')

# --- A sidecar reaches the web container on localhost -------------------------------------------
sidecar_def = manager.register_task_definition({
    'family': 'multi-container-app',
    'networkMode': 'awsvpc',
    'requiresCompatibilities': ['FARGATE'],
    'cpu': '1024',
    'memory': '2048',
    'containerDefinitions': [
        {'name': 'web', 'image': 'nginx:alpine', 'portMappings': [{'containerPort': 80}], 'essential': True},
        {'name': 'sidecar', 'image': 'fluentd:latest', 'essential': False,
         'command': ['sleep', '600'],
         'dependsOn': [{'containerName': 'web', 'condition': 'START'}],
         # Nothing in the sidecar listens: only the web container answers on localhost:80.
         'healthCheck': {'command': ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
                         'interval': 5, 'timeout': 3, 'retries': 3}},
    ],
})
sidecar_task = ecs.run_task(cluster='my-web-cluster', taskDefinition=sidecar_def, launchType='FARGATE',
                            networkConfiguration=NETWORK)['tasks'][0]


def sidecar_health():
    task = ecs.describe_tasks(cluster='my-web-cluster', tasks=[sidecar_task['taskArn']])['tasks'][0]
    side = next(c for c in task['containers'] if c['name'] == 'sidecar')
    return side.get('healthStatus') == 'HEALTHY'


wait_until('the sidecar reaches web on localhost (HEALTHY)', sidecar_health, timeout=60)
ecs.stop_task(cluster='my-web-cluster', task=sidecar_task['taskArn'])

# --- The task's memory is a hard limit ----------------------------------------------------------
hog_def = manager.register_task_definition({
    'family': 'memory-hog',
    'networkMode': 'awsvpc',
    'requiresCompatibilities': ['FARGATE'],
    'cpu': '256',
    'memory': '512',
    'containerDefinitions': [{
        'name': 'hog', 'image': 'nginx:latest', 'essential': True,
        'command': ['sh', '-c', 'x=$(head -c 700000000 /dev/zero | tr "\\0" a); echo ${#x}'],
    }],
})
hog = ecs.run_task(cluster='my-web-cluster', taskDefinition=hog_def, networkConfiguration=NETWORK)['tasks'][0]


def hog_stopped():
    task = ecs.describe_tasks(cluster='my-web-cluster', tasks=[hog['taskArn']])['tasks'][0]
    return task if task['lastStatus'] == 'STOPPED' else None


stopped = wait_until('the memory hog stops', hog_stopped, timeout=60)
container = stopped['containers'][0]
check(container.get('reason') == 'OutOfMemoryError: Container killed due to memory usage',
      f"OOM reason: {container.get('reason')}")
check(container.get('exitCode') == 137, f"exit code 137: {container.get('exitCode')}")
check(stopped['stopCode'] == 'EssentialContainerExited', 'stop code')

# --- What Fargate refuses -----------------------------------------------------------------------
code, message = error_of(ecs.register_task_definition, **{**web_app, 'cpu': '256', 'memory': '4096'})
check((code, message) == ('ClientException', 'No Fargate configuration exists for given values.'),
      f'bad size: {code} {message}')
code, message = error_of(ecs.register_task_definition, **{**web_app, 'networkMode': 'bridge'})
check((code, message) == ('ClientException', 'Fargate only supports network mode \u2018awsvpc\u2019.'),
      f'bridge on Fargate: {code} {message}')
code, message = error_of(ecs.run_task, cluster='my-web-cluster', taskDefinition=task_def_arn, launchType='FARGATE')
check((code, message) == ('InvalidParameterException',
                          "Network Configuration must be provided when networkMode 'awsvpc' is specified."),
      f'no network configuration: {code} {message}')
ec2_only = ecs.register_task_definition(
    family='ec2-only', containerDefinitions=[{'name': 'c', 'image': 'nginx:latest', 'memory': 32}])
code, message = error_of(ecs.run_task, cluster='my-web-cluster',
                         taskDefinition=ec2_only['taskDefinition']['taskDefinitionArn'], launchType='FARGATE')
check((code, message) == ('InvalidParameterException', 'Task definition does not support launch_type FARGATE.'),
      f'EC2-only definition on Fargate: {code} {message}')
code, message = error_of(ecs.create_service, cluster='my-web-cluster', serviceName='daemon',
                         taskDefinition=task_def_arn, schedulingStrategy='DAEMON', launchType='FARGATE',
                         networkConfiguration=NETWORK)
check(code == 'InvalidParameterException' and 'daemon' in message.lower(), f'DAEMON on Fargate: {code} {message}')
code, message = error_of(ecs.create_service, cluster='my-web-cluster', serviceName='daemon',
                         taskDefinition=task_def_arn, schedulingStrategy='DAEMON', networkConfiguration=NETWORK)
check((code, message) == ('InvalidParameterException',
                          'Specifying a capacity provider strategy is not supported when you create a service '
                          'using the DAEMON scheduling strategy.'), f'DAEMON with a default strategy: {code} {message}')
code, message = error_of(ecs.run_task, cluster='my-web-cluster', taskDefinition=task_def_arn, launchType='FARGATE',
                         networkConfiguration=NETWORK,
                         placementConstraints=[{'type': 'memberOf', 'expression': 'attribute:x == y'}])
check((code, message) == ('InvalidParameterException',
                          'Placement constraints are not supported with FARGATE launch type.'),
      f'constraints on Fargate: {code} {message}')
code, message = error_of(ecs.run_task, cluster='my-web-cluster', taskDefinition=task_def_arn,
                         capacityProviderStrategy=[{'capacityProvider': 'FARGATE_SPOT', 'weight': 1}],
                         networkConfiguration=NETWORK)
check(code == 'InvalidParameterException' and 'not associated with the cluster' in message,
      f'provider not on the cluster: {code} {message}')

# --- Teardown as a boto3 user writes it: scale to 0, delete, wait for INACTIVE, delete the cluster ---
ecs.update_service(cluster='my-web-cluster', service='web-service', desiredCount=0)
deleted = ecs.delete_service(cluster='my-web-cluster', service='web-service')['service']
check(deleted['status'] in ('DRAINING', 'INACTIVE'), f"delete_service status {deleted['status']}")
ecs.get_waiter('services_inactive').wait(cluster='my-web-cluster', services=['web-service'])
gone = ecs.describe_services(cluster='my-web-cluster', services=['web-service'])['services'][0]
check(gone['status'] == 'INACTIVE', 'the service is INACTIVE')
tasks = ecs.describe_tasks(cluster='my-web-cluster', tasks=[t['taskArn'] for t in second])['tasks']
check(all(t['lastStatus'] in ('STOPPING', 'DEPROVISIONING', 'STOPPED') for t in tasks),
      f"INACTIVE only once its tasks are stopping: {[t['lastStatus'] for t in tasks]}")
deleted_cluster = ecs.delete_cluster(cluster='my-web-cluster')['cluster']
check(deleted_cluster['status'] == 'INACTIVE', 'delete_cluster')
print('ok')
